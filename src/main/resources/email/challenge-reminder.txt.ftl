<#assign subject>Reminder: the panel's challenge to ${message.organisationName} is due by ${message.dueOn}</#assign>
Dear ${recipient.name},

The ${message.panelName}'s ${message.kind?lower_case} to ${message.organisationName} has not been answered yet. The answer is due by ${message.dueOn}.

${message.wording}

Answer in the portal: ${baseUrl}${message.challengesPath}
