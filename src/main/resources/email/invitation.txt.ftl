<#assign subject>You have been invited to ${message.partnershipName}</#assign>
Dear ${recipient.name},

${message.inviterName} has invited you to ${message.partnershipName} on Assure as ${message.role?lower_case}.

Set your password to start:
${baseUrl}${message.invitationPath}

The link works once and expires on ${message.expires}. If you were not expecting this email, you can ignore it.
