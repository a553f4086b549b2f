<#assign subject>Return submitted: ${message.organisationName} (${message.reference})</#assign>
Dear ${recipient.name},

${message.submitterName} has submitted ${message.organisationName}'s return for ${message.cycleName}<#if message.late> late</#if>.
Declared by ${message.declaredName}, ${message.declaredRole}, on ${message.submittedAt}. Reference ${message.reference}.

Read it: ${baseUrl}${message.printPath}
