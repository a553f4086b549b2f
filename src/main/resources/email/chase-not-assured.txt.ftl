<#assign subject>Safeguarding return not assured: ${message.organisationName}</#assign>
Dear ${recipient.name},

${message.panelName} has moderated ${message.organisationName}'s return for ${message.cycleName} and found it not assured.

The panel's summary: ${message.summary}

The organisation has been put on the list for the assurance panel as not compliant.

Read the return: ${baseUrl}${message.returnPath}

${message.partnershipName}
