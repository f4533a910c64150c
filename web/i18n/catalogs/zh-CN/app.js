// zh-CN, the app part: keys added while moving the page's (web/app, web/index.html, web/session) strings into the catalog (see ../zh-CN.js
// for the conventions). The same keys and placeholders in every language's app.js.
export default {
};
