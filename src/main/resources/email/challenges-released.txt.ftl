<#assign subject>The ${message.panelName} has questions for ${message.organisationName}</#assign>
Dear ${recipient.name},

The ${message.panelName} has looked at ${message.organisationName}'s safeguarding return and has <#if message.count == 1>a challenge question or request for more evidence<#else>${message.count} challenge questions or requests for more evidence</#if> for you.

Please answer in the portal by ${message.dueOn}: ${baseUrl}${message.challengesPath}

${message.partnershipName}
