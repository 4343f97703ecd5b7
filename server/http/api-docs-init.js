// Starts Swagger UI on the /api/docs page. A served file rather than an inline script: the app's Content-Security-Policy
// runs scripts from 'self' only. Plain browser JavaScript, loaded after swagger-ui-bundle.js defines SwaggerUIBundle;
// "Try it out" requests are same-origin, so they carry the dashboard's session cookie.
/* global SwaggerUIBundle */
window.ui = SwaggerUIBundle({
  url: '/api/openapi.json',
  dom_id: '#swagger-ui',
  deepLinking: true,
  // null: no badge image from validator.swagger.io; the intranet has no internet, and the CSP would refuse it anyway.
  validatorUrl: null,
})
