<#assign subject>Return submitted: ${message.reference}</#assign>
Dear ${recipient.name},

You submitted ${message.organisationName}'s return for ${message.cycleName}<#if message.late> after the deadline, so it is recorded as late</#if>.
Your reference is ${message.reference}. Keep it: the partnership will quote it if they have questions.

A printable copy of what you submitted: ${baseUrl}${message.printPath}
