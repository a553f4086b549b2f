<#assign subject>${message.organisationName} has been picked for the safeguarding dip sample</#assign>
Dear ${recipient.name},

${message.organisationName} has been picked<#if message.replacement> (in place of a school withdrawn from the sample)</#if> for ${message.partnershipName}'s dip sample of ${message.cycleName}, and will be called to the assurance panel. The partnership will write with the panel's date and what it will look at.

The sample is drawn at random in a way anyone can check: each eligible school's ticket is the first 16 hexadecimal digits of the SHA-256 hash of the seed, a colon and its URN, and the lowest tickets are picked. The seed was "${message.seed}" and your school's ticket is ${message.ticket}. The partnership can show you the whole record.

Its return: ${baseUrl}${message.returnPath}

${message.partnershipName}
