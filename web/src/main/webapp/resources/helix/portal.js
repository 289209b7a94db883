/*
 * Every AJAX request of a portal page that fails says so on the page, never nothing. The server answers a request
 * it could not carry out with an <error> in its partial response, which the layout's p:ajaxExceptionHandler hands to
 * helixRequestFailed: an exception in an action or in the page, an expired page, or a session that has ended (the
 * sign-in page answers the request it was sent). A request can also fail on its way: the server cannot be reached,
 * refuses it (403), or answers with an error page. And a button that asks first (data-confirm) asks.
 */
(function () {
    'use strict';

    function show(text) {
        document.getElementById('ajax-error-text').textContent = text;
        document.getElementById('ajax-error').hidden = false;
    }

    /** What went wrong with a request that brought no update back. */
    function describe(xhr) {
        if (xhr.status === 0) {
            return 'Helix did not answer: check the connection, then reload the page to see where things stand.';
        }
        if (xhr.status === 403) {
            var refusal = new DOMParser().parseFromString(xhr.responseText || '', 'text/html');
            var reason = refusal.getElementById('reason');
            return reason ? reason.textContent : 'Not allowed: your roles do not grant what this needs.';
        }
        return 'The server answered with HTTP ' + xhr.status + ' instead of an update. Reload the page to see where '
            + 'things stand.';
    }

    /** The server could not carry out a request; the error's name says why (none: it failed on its way, below). */
    window.helixRequestFailed = function (errorName) {
        if (!errorName) {
            return;
        }
        if (errorName === 'helix.session-ended') {
            show('Your session has ended, so nothing was done. Reload the page to sign in again.');
        } else if (/ViewExpiredException/.test(errorName)) {
            show('This page has expired (the server may have restarted), so nothing was done. Reload it, then try '
                + 'again.');
        } else {
            show('The server could not complete the request; its log has the details. Reload the page to see where '
                + 'things stand.');
        }
    };

    $(document).on('pfAjaxError', function (event, xhr) {
        show(describe(xhr));
    });
    document.getElementById('ajax-error-close').addEventListener('click', function () {
        document.getElementById('ajax-error').hidden = true;
    });

    // A button with a data-confirm question acts only once the user agrees. (An inline onclick would do the same,
    // but the Content Security Policy runs no inline handlers.) Caught on its way down, before the button's own
    // handlers see the click.
    document.addEventListener('click', function (event) {
        var button = event.target.closest ? event.target.closest('[data-confirm]') : null;
        if (button && !window.confirm(button.getAttribute('data-confirm'))) {
            event.preventDefault();
            event.stopImmediatePropagation();
        }
    }, true);
})();
