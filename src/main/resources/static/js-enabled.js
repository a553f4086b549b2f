// GOV.UK Frontend styles some components only when scripts run; CSP forbids the usual inline snippet.
document.body.className += ' js-enabled' + ('noModule' in HTMLScriptElement.prototype ? ' govuk-frontend-supported' : '');
