<#assign subject>Your Assure password has been changed</#assign>
Dear ${recipient.name},

The password of your Assure account was changed on ${message.changedAt}. You have been signed out everywhere.

If you changed it, you need do nothing.

If you did not, someone else may know your password: choose a new one now at
${baseUrl}${message.resetPath}
and tell your partnership's business unit.
