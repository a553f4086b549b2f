<#assign subject>${message.subjectLine}: ${message.organisationName}</#assign>
Dear ${recipient.name},

${message.words}

Action: ${message.what}
Owner: ${message.ownerName}<#if message.ownerRole?has_content> (${message.ownerRole})</#if>
Status: ${message.status}
Due ${message.when}.

If it will not be done in time, ask the partnership for a new due date from the action's page before then.

Open the action: ${baseUrl}${message.actionPath}

${message.partnershipName}
