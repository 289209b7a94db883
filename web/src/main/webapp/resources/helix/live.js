/*
 * Live updates: the fleet stream (a WebSocket at the address in the live form's data-stream) pushes events; the page
 * refreshes its live parts (the layout's helixRefresh remote command) once per burst of them, and reconnects when the
 * stream closes.
 */
(function () {
    'use strict';

    var scheme = location.protocol === 'https:' ? 'wss://' : 'ws://';
    var address = scheme + location.host + document.getElementById('live').getAttribute('data-stream');
    var timer = null;
    var connectedBefore = false;

    function connect() {
        var socket = new WebSocket(address);
        socket.onmessage = function (message) {
            // The stream's first message says it is open: on a reconnect, catch up on what was missed meanwhile.
            if (JSON.parse(message.data).type === 'STREAM_OPENED') {
                var reconnected = connectedBefore;
                connectedBefore = true;
                if (!reconnected) {
                    return;
                }
            }
            if (timer) {
                return;
            }
            timer = setTimeout(function () {
                timer = null;
                if (window.helixRefresh) {
                    window.helixRefresh();
                }
            }, 150);
        };
        socket.onclose = function () {
            setTimeout(connect, 2000);
        };
        window.helixSocket = socket;
    }

    connect();
})();
