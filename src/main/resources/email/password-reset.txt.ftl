<#assign subject>Reset your Assure password</#assign>
Dear ${recipient.name},

Someone asked to reset the password of your account. To choose a new password, open:
${baseUrl}${message.resetPath}

The link works once and expires in one hour. If it was not you, ignore this email: your password has not changed.
