<#assign subject>Non-compliant safeguarding return: ${message.organisationName}</#assign>
Dear ${recipient.name},

${message.organisationName} has submitted its return for ${message.cycleName}, and by the cycle's rules it is not compliant: ${message.notMet} <#if message.notMet == 1>answer is<#else>answers are</#if> rated not met (the cycle's threshold is ${message.threshold}).
<#if message.criticalNotMet?has_content>Critical requirements rated not met:
<#list message.criticalNotMet as q>- ${q}
</#list></#if>
The organisation has been put on the list for the assurance panel.

Read the return: ${baseUrl}${message.returnPath}

${message.partnershipName}
