<#assign subject>You have been asked to complete part of ${message.organisationName}'s return</#assign>
Dear ${recipient.name},

${message.assignerName} has asked you to complete the section "${message.sectionTitle}" of ${message.organisationName}'s return for ${message.cycleName}.
The deadline is ${message.deadline}.

<#if message.invitedSeparately>First set your password with the invitation we have sent you separately, then open:<#else>Open the section:</#if>
${baseUrl}${message.sectionPath}
