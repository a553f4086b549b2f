<#assign subject>Changes needed: ${message.organisationName}'s return for ${message.cycleName}</#assign>
Dear ${recipient.name},

${message.partnershipName} has returned your submission ${message.reference} for changes:

${message.reason}

Make the changes and submit the return again: ${baseUrl}${message.returnPath}
