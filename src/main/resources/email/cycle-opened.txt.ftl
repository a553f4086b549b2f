<#assign subject>Self-assessment open: ${message.cycleName}</#assign>
Dear ${recipient.name},

${message.partnershipName} has opened ${message.cycleName} for ${message.organisationName}: the ${message.bankName}.

Please complete and submit the return by ${message.deadline}.

Sign in to start: ${baseUrl}${message.startPath}
