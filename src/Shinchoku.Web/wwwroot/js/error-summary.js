// A form came back with errors: move focus to the summary, so that a screen reader reads it out and the keyboard
// starts from its links to the fields. Without script the summary's autofocus attribute does the same in most browsers.
(function () {
    var summary = document.querySelector('[data-error-summary]');
    if (summary && document.activeElement !== summary) {
        summary.focus();
    }
})();
