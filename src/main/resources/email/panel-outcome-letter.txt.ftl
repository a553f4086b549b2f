<#assign subject>Safeguarding panel outcome: ${message.organisationName}</#assign>
Dear ${recipient.name},

${message.panelName} has considered ${message.organisationName}'s safeguarding self-assessment. Its outcome is: ${message.outcome}.

The letter sets out the panel's findings, its strengths and areas to improve, and what the partnership expects next. You can read it and download it as a Word document.

Read the outcome letter: ${baseUrl}${message.outcomePath}

${message.partnershipName}
