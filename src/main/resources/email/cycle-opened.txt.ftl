<#assign subject>Self-assessment open: ${message.cycleName}</#assign>
Dear ${recipient.name},

${message.partnershipName} has opened ${message.cycleName} for ${message.organisationName}: the ${message.bankName}.

Please complete and submit the return by ${message.deadline}.

<#if message.invited>
You have been invited to be ${message.organisationName}'s lead on Assure: look for the separate email "You have been invited to ${message.partnershipName}" and set your password with its link first. Then sign in to start: ${baseUrl}${message.startPath}
<#else>
Sign in to start: ${baseUrl}${message.startPath}
</#if>
