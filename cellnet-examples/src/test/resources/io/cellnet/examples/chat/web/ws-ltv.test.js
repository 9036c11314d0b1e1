// The tests of ws-ltv.js, run in the browser by JsClientBrowserTest (which reads window.testRun and
// turns each result into a JUnit test). No framework: test(name, fn) and a few assertions.
import {
  LtvClient, SendResult, State, decodeFrame, encodeFrame, jsonCodec, pageWsUrl, stringHash,
} from "./ws-ltv.js";

const tests = [];
function test(name, fn) {
  tests.push({ name, fn });
}

function assertEquals(expected, actual, what = "") {
  const e = JSON.stringify(expected);
  const a = JSON.stringify(actual);
  if (e !== a) {
    throw new Error((what ? what + ": " : "") + "expected " + e + " but was " + a);
  }
}

function assertThrows(fn, what) {
  try {
    fn();
  } catch (e) {
    return e;
  }
  throw new Error("expected an exception: " + what);
}

// Go's StringHash values, the vectors of cellnet-api's StringHashTest (reference §1.2).
export const GO_VECTORS = [
  ["main.TestEchoACK", 4673],
  ["tests.TestEchoACK", 58287],
  ["cellnet.SessionAccepted", 43922],
  ["cellnet.SessionConnected", 20908],
  ["cellnet.SessionConnectError", 909],
  ["cellnet.SessionClosed", 40147],
  ["cellnet.SessionCloseNotify", 19848],
  ["cellnet.SessionInit", 27629],
  ["rpc.RemoteCallREQ", 33699],
  ["rpc.RemoteCallACK", 61066],
  ["relay.RelayACK", 2743],
  ["rpcRemoteCallREQ", 58645],
  ["rpcRemoteCallACK", 20476],
  ["relayRelayACK", 45545],
  ["proto.ChatREQ", 16234],
  ["proto.ChatACK", 43601],
  ["", 0],
  ["a", 12513],
  ["A", 8385],
  ["中文.消息", 59385],
  ["emoji.\u{1F600}", 28770],
];
window.GO_VECTORS = GO_VECTORS;
window.stringHash = stringHash;

for (const [name, id] of GO_VECTORS) {
  test("stringHash(" + JSON.stringify(name) + ") = " + id, () => assertEquals(id, stringHash(name)));
}

for (const [label, value] of [
  ["ascii", { Content: "hello" }],
  ["unicode and emoji", { Content: "héllo 中文 \u{1F600}\u{1F44D}\u{1F3FD} עברית" }],
  ["html stays text", { Content: "<script>alert(1)</script> & <b>" }],
  ["numbers, booleans, lists, nesting", { Id: 10001, Joined: true, Members: [{ Id: 1, Name: "sid1" }], Big: 2 ** 53 - 1 }],
  ["empty string and escapes", { Content: "", Quote: "\"\\\n\t\u0000" }],
]) {
  test("json codec round trip: " + label, () => {
    const bytes = jsonCodec.encode(value);
    assertEquals(value, jsonCodec.decode(bytes));
    const frame = decodeFrame(encodeFrame(stringHash("proto.ChatREQ"), bytes));
    assertEquals(16234, frame.id);
    assertEquals(value, jsonCodec.decode(frame.body));
  });
}

test("a ChatREQ is Go's bytes: [16234 LE][{\"Content\":\"hi\"}]", () => {
  const frame = encodeFrame(stringHash("proto.ChatREQ"), jsonCodec.encode({ Content: "hi" }));
  assertEquals([0x6a, 0x3f, ...new TextEncoder().encode('{"Content":"hi"}')], [...frame]);
});

test("the json codec writes UTF-8", () => {
  assertEquals([0x7b, 0x22, 0x61, 0x22, 0x3a, 0x22, 0xf0, 0x9f, 0x98, 0x80, 0x22, 0x7d], [...jsonCodec.encode({ a: "\u{1F600}" })]);
});

test("decodeFrame refuses a message shorter than 2 bytes; encodeFrame an id over 16 bits", () => {
  assertThrows(() => decodeFrame(new Uint8Array([1])), "short");
  assertThrows(() => encodeFrame(65536, new Uint8Array(0)), "id 65536");
  assertThrows(() => encodeFrame(-1, new Uint8Array(0)), "id -1");
  assertThrows(() => jsonCodec.decode(new Uint8Array([0xff])), "invalid UTF-8");
});

test("pageWsUrl: ws under http, wss under https, IPv6 in brackets, path with a slash", () => {
  assertEquals("ws://example.org:18802/chat", pageWsUrl({ protocol: "http:", hostname: "example.org" }, 18802, "/chat"));
  assertEquals("wss://example.org:443/chat", pageWsUrl({ protocol: "https:", hostname: "example.org" }, 443, "chat"));
  assertEquals("ws://[::1]:18802/", pageWsUrl({ protocol: "http:", hostname: "::1" }, 18802, ""));
  assertEquals("wss://[::1]:18802/chat", pageWsUrl({ protocol: "https:", hostname: "[::1]" }, 18802, "/chat"));
  assertEquals("ws://127.0.0.1:1/", pageWsUrl(new URL("http://127.0.0.1:8080/?name=x"), 1, "/"));
});

/** A WebSocket stand-in: records what is sent; the test opens, delivers and closes by hand. */
class FakeSocket {
  static all = [];
  constructor(url) {
    this.url = url;
    this.sent = [];
    this.closedWith = null;
    FakeSocket.all.push(this);
  }
  send(data) {
    this.sent.push(data);
  }
  close(code, reason) {
    this.closedWith = { code, reason };
  }
  open() {
    this.onopen({});
  }
  deliver(fullName, message) {
    const frame = encodeFrame(stringHash(fullName), jsonCodec.encode(message));
    this.onmessage({ data: frame.buffer });
  }
  serverClose(code, reason, wasClean = true) {
    this.onclose({ code, reason, wasClean });
  }
  static last() {
    return FakeSocket.all[FakeSocket.all.length - 1];
  }
}

/** Timers by hand: run() fires the pending one and returns its delay. */
class FakeTimers {
  pending = null;
  setTimeout = (fn, ms) => {
    this.pending = { fn, ms };
    return 1;
  };
  clearTimeout = () => {
    this.pending = null;
  };
  run() {
    const p = this.pending;
    this.pending = null;
    p.fn();
    return p.ms;
  }
}

function fakeClient(options = {}) {
  const timers = new FakeTimers();
  const client = new LtvClient("ws://test/chat", {
    messages: ["proto.ChatREQ", "proto.ChatACK"],
    WebSocket: FakeSocket,
    setTimeout: timers.setTimeout,
    clearTimeout: timers.clearTimeout,
    random: () => 0.5,
    ...options,
  });
  return { client, timers };
}

function sentMessages(socket) {
  return socket.sent.map((f) => {
    const frame = decodeFrame(f);
    return [frame.id, jsonCodec.decode(frame.body)];
  });
}

test("messages sent while connecting are queued and flushed in order after the open handlers", () => {
  const { client } = fakeClient({ messages: ["proto.ChatREQ", "proto.ChatACK", "webchat.JoinREQ"] });
  const states = [];
  client.on("state", (e) => states.push(e.state));
  client.on("open", () => client.send("webchat.JoinREQ", { Name: "ann" }));
  let flushed = 0;
  client.on("flushed", (e) => (flushed = e.count));
  client.connect();
  assertEquals(SendResult.QUEUED, client.send("proto.ChatREQ", { Content: "one" }));
  assertEquals(SendResult.QUEUED, client.send("proto.ChatREQ", { Content: "two" }));
  assertEquals(2, client.queued);
  const socket = FakeSocket.last();
  assertEquals("arraybuffer", socket.binaryType);
  socket.open();
  assertEquals([[stringHash("webchat.JoinREQ"), { Name: "ann" }], [16234, { Content: "one" }], [16234, { Content: "two" }]],
      sentMessages(socket));
  assertEquals(2, flushed);
  assertEquals(0, client.queued);
  assertEquals(SendResult.SENT, client.send("proto.ChatREQ", { Content: "three" }));
  assertEquals([State.CONNECTING, State.OPEN], states);
});

test("the queue is bounded: past maxQueued a send is refused with QUEUE_FULL, not dropped silently", () => {
  const { client } = fakeClient({ maxQueued: 2 });
  client.connect();
  assertEquals(SendResult.QUEUED, client.send("proto.ChatREQ", { Content: "1" }));
  assertEquals(SendResult.QUEUED, client.send("proto.ChatREQ", { Content: "2" }));
  assertEquals(SendResult.QUEUE_FULL, client.send("proto.ChatREQ", { Content: "3" }));
  FakeSocket.last().open();
  assertEquals(["1", "2"], sentMessages(FakeSocket.last()).map(([, m]) => m.Content));
});

test("send refuses unknown full names and, with maxMessageBytes, messages over it", () => {
  const { client } = fakeClient({ maxMessageBytes: 20 });
  client.connect();
  FakeSocket.last().open();
  assertEquals(SendResult.UNKNOWN_MESSAGE, client.send("proto.Nope", {}));
  assertEquals(18, client.encodedSize("proto.ChatREQ", { Content: "xx" }));
  assertEquals(SendResult.SENT, client.send("proto.ChatREQ", { Content: "xxxx" }));     // 20 bytes
  assertEquals(SendResult.TOO_LARGE, client.send("proto.ChatREQ", { Content: "xxxxx" })); // 21 bytes
  assertEquals(1, FakeSocket.last().sent.length);
});

test("received messages reach the handlers of their full name; unknown ids and text are reported", () => {
  const { client } = fakeClient();
  const got = [];
  const errors = [];
  client.on("proto.ChatACK", (m) => got.push(m));
  client.on("error", (e) => errors.push(e.kind));
  client.connect();
  const socket = FakeSocket.last();
  socket.open();
  socket.deliver("proto.ChatACK", { Content: "hi \u{1F600}", Id: 7 });
  socket.deliver("other.Thing", { x: 1 });
  socket.onmessage({ data: "text" });
  socket.onmessage({ data: new Uint8Array([1]).buffer });
  assertEquals([{ Content: "hi \u{1F600}", Id: 7 }], got);
  assertEquals(["unknown-id", "text", "frame"], errors);
});

test("the close code and reason are surfaced, then it reconnects with exponential backoff, capped", () => {
  const { client, timers } = fakeClient({ initialDelayMs: 500, maxDelayMs: 4000 });
  const closes = [];
  const reconnecting = [];
  client.on("close", (c) => closes.push(c));
  client.on("reconnecting", (r) => reconnecting.push(r));
  client.connect();
  FakeSocket.last().open();
  FakeSocket.last().serverClose(1009, "Max frame length of 65536 has been exceeded.");
  assertEquals([{ code: 1009, reason: "Max frame length of 65536 has been exceeded.", wasClean: true, byClient: false }], closes);
  assertEquals(closes[0], client.lastClose);
  assertEquals(State.RECONNECTING, client.state);
  const delays = [];
  for (let i = 0; i < 5; i++) {
    const before = FakeSocket.all.length;
    delays.push(timers.run());
    assertEquals(before + 1, FakeSocket.all.length, "a new socket per attempt");
    FakeSocket.last().serverClose(1006, "", false);
  }
  assertEquals([500, 1000, 2000, 4000, 4000], [reconnecting[0].delayMs, ...delays.slice(1)]);
  assertEquals([1, 2, 3, 4, 5, 6], reconnecting.map((r) => r.attempt));
  timers.run();
  FakeSocket.last().open();
  assertEquals(State.OPEN, client.state);
  FakeSocket.last().serverClose(1001, "going away");
  assertEquals(500, timers.pending.ms, "a successful open starts the backoff over");
});

test("jitter varies each delay by at most the given fraction", () => {
  for (const [random, expected] of [[0, 400], [1, 600], [0.5, 500]]) {
    const { client, timers } = fakeClient({ jitter: 0.2, random: () => random });
    client.connect();
    FakeSocket.last().serverClose(1006, "", false);
    assertEquals(expected, timers.pending.ms, "random " + random);
    client.close();
  }
});

test("close() stops reconnecting, drops and counts the queue, and later sends say CLOSED", () => {
  const { client, timers } = fakeClient();
  client.connect();
  FakeSocket.last().serverClose(1006, "", false);
  assertEquals(SendResult.QUEUED, client.send("proto.ChatREQ", { Content: "late" }));
  assertEquals(1, client.close());
  assertEquals(null, timers.pending);
  assertEquals(State.CLOSED, client.state);
  assertEquals(SendResult.CLOSED, client.send("proto.ChatREQ", { Content: "after" }));
});

test("close() on an open connection sends the code and reason, and the close is by the client", () => {
  const { client, timers } = fakeClient();
  const closes = [];
  client.on("close", (c) => closes.push(c));
  client.connect();
  const socket = FakeSocket.last();
  socket.open();
  client.close(4000, "bye now");
  assertEquals({ code: 4000, reason: "bye now" }, socket.closedWith);
  socket.serverClose(4000, "bye now");
  assertEquals(true, closes[0].byClient);
  assertEquals(null, timers.pending);
});

test("a handler that throws is reported and does not stop the others", () => {
  const { client } = fakeClient();
  const errors = [];
  let second = false;
  client.on("error", (e) => errors.push(e.kind));
  client.on("proto.ChatACK", () => {
    throw new Error("boom");
  });
  client.on("proto.ChatACK", () => (second = true));
  client.connect();
  FakeSocket.last().open();
  FakeSocket.last().deliver("proto.ChatACK", { Content: "x", Id: 1 });
  assertEquals(["handler"], errors);
  assertEquals(true, second);
});

test("a taken message id is refused when the client is made", () => {
  const e = assertThrows(() => new LtvClient("ws://x/", { messages: ["collide.M0", findCollision("collide.M0")] }),
      "colliding full names");
  if (!String(e.message).includes("taken")) {
    throw e;
  }
});

function findCollision(name) {
  const id = stringHash(name);
  for (let i = 1; ; i++) {
    if (stringHash("collide.M" + i) === id) {
      return "collide.M" + i;
    }
  }
}

const results = [];
for (const t of tests) {
  try {
    await t.fn();
    results.push({ name: t.name, ok: true, error: "" });
  } catch (e) {
    results.push({ name: t.name, ok: false, error: String(e && e.stack ? e.stack : e) });
  }
}
const list = document.getElementById("results");
for (const r of results) {
  const li = document.createElement("li");
  li.textContent = (r.ok ? "ok " : "FAILED ") + r.name + (r.ok ? "" : ": " + r.error);
  list.append(li);
}
window.testRun = { done: true, results };
