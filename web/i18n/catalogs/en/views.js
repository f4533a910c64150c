// en, the views part: keys added while moving the figures' (web/views) strings into the catalog (see ../en.js
// for the conventions). The same keys and placeholders in every language's views.js.
export default {
};
