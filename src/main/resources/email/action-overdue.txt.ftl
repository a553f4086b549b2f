<#assign subject>${message.subjectLine}: ${message.organisationName}</#assign>
Dear ${recipient.name},

${message.organisationName}

${message.words}

Action: ${message.what}
Owner: ${message.ownerName}<#if message.ownerRole?has_content> (${message.ownerRole})</#if>
Status: ${message.status}
It was due ${message.when}.

Open the action: ${baseUrl}${message.actionPath}

${message.partnershipName}
