// The chat page of ws-chat-server, on the ws.ltv client (ws-ltv.js). Messages (json codec):
//   proto.ChatREQ {Content}              a line typed here          (Go's examples/chat)
//   proto.ChatACK {Content, Id}          a line broadcast by the server, Id the sender's session
//   webchat.JoinREQ {Name}               sent after each connect: who this page is
//   webchat.JoinACK {Id, Name, Members}  the answer: this page's session id, its name, who is here
//   webchat.PresenceACK {Id, Name, Joined}  someone joined or left
// Contract for tests and bookmarks: ?name=NAME joins under that name without asking; the message
// box is the textbox labelled "Message"; Enter sends.
import { LtvClient, SendResult, State, pageWsUrl } from "./ws-ltv.js";

const CHAT_REQ = "proto.ChatREQ";
const CHAT_ACK = "proto.ChatACK";
const JOIN_REQ = "webchat.JoinREQ";
const JOIN_ACK = "webchat.JoinACK";
const PRESENCE_ACK = "webchat.PresenceACK";
const MAX_NAME = 24;

const config = JSON.parse(document.getElementById("chat-config").textContent);
const log = document.getElementById("log");
const status = document.getElementById("status");
const hint = document.getElementById("hint");
const input = document.getElementById("message");
const chatForm = document.getElementById("chat");
const joinForm = document.getElementById("join");

const names = new Map();     // session id -> name
const ownIds = new Set();    // this page's session ids, one per connection
const pending = [];          // <li>s of lines queued while disconnected
let myName = "";
let connections = 0;

const client = new LtvClient(pageWsUrl(location, config.wsPort, config.wsPath), {
  messages: [CHAT_REQ, CHAT_ACK, JOIN_REQ, JOIN_ACK, PRESENCE_ACK],
  maxQueued: 20,
});
// For the browser tests and the curious: the client, the names and this page's ids.
window.chatPage = { client, names, ownIds, config };

function nearBottom() {
  return log.scrollHeight - log.scrollTop - log.clientHeight < 40;
}

/** Appends a line; text always goes in as text, never as HTML. */
function add(kind, who, text) {
  const stick = nearBottom();
  const li = document.createElement("li");
  li.className = kind;
  if (who !== null) {
    const span = document.createElement("span");
    span.className = "who";
    span.textContent = who;
    li.append(span);
  }
  li.append(document.createTextNode(text));
  log.append(li);
  if (stick) {
    log.scrollTop = log.scrollHeight;
  }
  return li;
}

function notice(text, kind = "notice") {
  return add(kind, null, text);
}

function nameOf(id) {
  return names.get(id) ?? "sid" + id;
}

function closeText(close) {
  if (close === null) {
    return "";
  }
  return close.code + (close.reason ? " " + close.reason : "");
}

function setStatus(state, text) {
  status.dataset.state = state;
  status.textContent = text;
}

function setHint(text, refused = false) {
  hint.textContent = text;
  hint.classList.toggle("refused", refused);
}

client.on("state", ({ state, close, attempt, delayMs }) => {
  switch (state) {
    case State.CONNECTING:
      setStatus(state, connections === 0 ? "connecting…" : "reconnecting now (attempt " + attempt + ")…");
      break;
    case State.OPEN:
      setStatus(state, "connected, joining…");
      break;
    case State.RECONNECTING:
      setStatus(state, "disconnected (" + closeText(close) + "), reconnecting in "
          + Math.max(1, Math.round(delayMs / 1000)) + " s…");
      break;
    default:
      setStatus(state, "disconnected (" + closeText(close) + ")");
  }
});

client.on("close", (close) => {
  if (close.byClient) {
    return;
  }
  const normal = close.code === 1000 || close.code === 1001;
  notice("connection closed by the server: " + closeText(close), normal ? "notice" : "error");
});

client.on("open", () => {
  client.send(JOIN_REQ, { Name: myName });
});

client.on("flushed", ({ count }) => {
  for (const li of pending) {
    li.title = "sent, waiting for the server";
  }
  setHint(count + (count === 1 ? " line" : " lines") + " typed while disconnected sent.");
});

client.on(JOIN_ACK, (ack) => {
  connections += 1;
  ownIds.add(ack.Id);
  myName = ack.Name;
  for (const m of ack.Members ?? []) {
    names.set(m.Id, m.Name);
  }
  names.set(ack.Id, ack.Name);
  setStatus(State.OPEN, "connected as " + ack.Name);
  notice(connections === 1 ? "you joined as " + ack.Name : "reconnected as " + ack.Name);
});

client.on(PRESENCE_ACK, (p) => {
  if (p.Joined) {
    names.set(p.Id, p.Name);
  }
  notice(p.Name + (p.Joined ? " joined" : " left"));
});

client.on(CHAT_ACK, (ack) => {
  const own = ownIds.has(ack.Id);
  if (own) {
    const i = pending.findIndex((li) => li.dataset.text === ack.Content);
    if (i >= 0) {
      pending.splice(i, 1)[0].remove();
    }
  }
  add(own ? "line own" : "line", nameOf(ack.Id), ack.Content);
});

/** How the line would travel, and whether it may: empty lines and lines over the limit may not. */
function check(text) {
  if (text.length === 0) {
    return { ok: false, why: "Type something first: empty messages are not sent." };
  }
  const size = client.encodedSize(CHAT_REQ, { Content: text });
  if (size > config.maxMessageBytes) {
    return { ok: false, why: "Too long: " + size.toLocaleString("en") + " bytes, the limit is "
        + config.maxMessageBytes.toLocaleString("en") + " bytes. Not sent." };
  }
  return { ok: true, size };
}

input.addEventListener("input", () => {
  const text = input.value.trim();
  if (text.length === 0) {
    setHint("");
    return;
  }
  const c = check(text);
  if (!c.ok) {
    setHint(c.why, true);
  } else if (c.size > config.maxMessageBytes * 0.8) {
    setHint(c.size.toLocaleString("en") + " of " + config.maxMessageBytes.toLocaleString("en") + " bytes");
  } else {
    setHint("");
  }
});

chatForm.addEventListener("submit", (event) => {
  event.preventDefault();
  const text = input.value.trim();
  const c = check(text);
  if (!c.ok) {
    setHint(c.why, true);
    return;
  }
  const result = client.send(CHAT_REQ, { Content: text });
  switch (result) {
    case SendResult.SENT:
      input.value = "";
      setHint("");
      break;
    case SendResult.QUEUED: {
      input.value = "";
      const li = add("line own pending", myName, text);
      li.dataset.text = text;
      li.title = "waiting for the connection";
      pending.push(li);
      setHint("Disconnected: your line will be sent when the connection is back.");
      break;
    }
    case SendResult.QUEUE_FULL:
      setHint("Not sent: the connection is down and " + client.queued + " lines are already waiting.", true);
      break;
    default:
      setHint("Not sent (" + result + ").", true);
  }
});

function start(name) {
  myName = name.trim().slice(0, MAX_NAME);
  joinForm.hidden = true;
  chatForm.hidden = false;
  input.focus();
  client.connect();
}

const fromUrl = (new URLSearchParams(location.search).get("name") ?? "").trim();
if (fromUrl.length > 0) {
  start(fromUrl);
} else {
  joinForm.hidden = false;
  setStatus(State.IDLE, "choose a name to join");
  document.getElementById("name").focus();
  joinForm.addEventListener("submit", (event) => {
    event.preventDefault();
    const name = document.getElementById("name").value.trim();
    if (name.length > 0) {
      start(name);
    }
  });
}
