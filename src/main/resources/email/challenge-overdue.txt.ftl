<#assign subject>Overdue: the panel's challenge to ${message.organisationName}</#assign>
Dear ${recipient.name},

The ${message.panelName}'s ${message.kind?lower_case} to ${message.organisationName} was due to be answered by ${message.dueOn} and has not been answered.

${message.wording}

It can still be answered in the portal until the panel moderates the case: ${baseUrl}${message.challengesPath}
