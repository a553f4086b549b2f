<#assign subject>${message.subjectLine}: ${message.organisationName}</#assign>
Dear ${recipient.name},

<#if message.formalRequest>Formal request for information under section 14B of the Children Act 2004

</#if>${message.organisationName} – ${message.cycleName}

${message.words}

The deadline <#if message.reminder>is<#else>was</#if> ${message.when}.
So far ${message.percentAnswered}% of the questions have been answered.
<#if message.sectionsToDo?has_content>Sections still to complete:
<#list message.sectionsToDo as s>- ${s}
</#list></#if>
Open the return: ${baseUrl}${message.returnPath}

${message.partnershipName}
