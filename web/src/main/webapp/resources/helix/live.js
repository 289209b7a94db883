/*
 * Live updates: the fleet stream (a WebSocket at the address in the live form's data-stream) pushes events; the page
 * refreshes its live parts (the layout's helixRefresh remote command) once per burst of them, and reconnects when the
 * stream closes. A model's output is not a change to refresh for: on the page of its task it is appended to the
 * model output panel as it comes (a new step starts the panel afresh). When the stream first opens, a page with such
 * appended parts draws them again (the layout's helixCatchUp), with what was written before the stream connected.
 */
(function () {
    'use strict';

    var scheme = location.protocol === 'https:' ? 'wss://' : 'ws://';
    var address = scheme + location.host + document.getElementById('live').getAttribute('data-stream');
    var timer = null;
    var connectedBefore = false;

    function showOutput(event) {
        var panel = document.getElementById('model-output');
        if (!panel || String(event.taskId) !== panel.getAttribute('data-task')) {
            return;
        }
        if (panel.getAttribute('data-step') !== event.status) {
            panel.setAttribute('data-step', event.status);
            panel.textContent = '';
            var step = document.getElementById('model-output-step');
            if (step) {
                step.textContent = event.status;
            }
        }
        var follow = panel.scrollTop + panel.clientHeight >= panel.scrollHeight - 20;
        var text = panel.textContent + event.detail;
        // As the server keeps it: the step's last 16,000 characters.
        panel.textContent = text.length > 16000 ? text.substring(text.length - 16000) : text;
        if (follow) {
            panel.scrollTop = panel.scrollHeight;
        }
    }

    function connect() {
        var socket = new WebSocket(address);
        socket.onmessage = function (message) {
            var event = JSON.parse(message.data);
            if (event.type === 'MODEL_OUTPUT') {
                showOutput(event);
                return;
            }
            // The stream's first message says it is open: on a reconnect, catch up on what was missed meanwhile; on
            // the first opening, on what is only appended from the stream (the rest was drawn with the page).
            if (event.type === 'STREAM_OPENED') {
                var reconnected = connectedBefore;
                connectedBefore = true;
                if (!reconnected) {
                    if (window.helixCatchUp) {
                        window.helixCatchUp();
                    }
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
