// Preloaded (node -r) into Learning Locker's xapi-statements when tests run it as a real LRS. That service calls
// app.listen(port) with no host, which binds every interface; this shim pins every TCP listen in the process to
// 127.0.0.1 and tells the parent (over the fork() IPC channel) which port it got, so EXPRESS_PORT=0 can be used.
// The service itself is GPL-3.0 and runs only as a separate process: nothing of it is imported by our code.
'use strict';
const net = require('node:net');

const LOOPBACK = '127.0.0.1';
const originalListen = net.Server.prototype.listen;

net.Server.prototype.listen = function listenOnLoopback(...args) {
  const callback = args.find((arg) => typeof arg === 'function');
  const first = args[0];
  let options;
  if (typeof first === 'number' || (typeof first === 'string' && /^\d+$/.test(first))) {
    options = { port: Number(first), host: LOOPBACK };
  } else if (first && typeof first === 'object' && first.path === undefined && !(first instanceof net.Server)) {
    options = { ...first, host: LOOPBACK };
  } else {
    // A Unix socket or handle: not reachable from the network anyway.
    return originalListen.apply(this, args);
  }
  this.once('listening', () => {
    const address = this.address();
    if (process.send && address && typeof address === 'object') process.send({ type: 'listening', host: address.address, port: address.port });
  });
  return callback ? originalListen.call(this, options, callback) : originalListen.call(this, options);
};
