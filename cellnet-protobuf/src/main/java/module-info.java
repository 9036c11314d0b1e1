/**
 * Go cellnet's {@code gogopb} codec on protobuf-java: protobuf messages on the wire exactly as Go's
 * {@code codec/gogopb} writes them, registered with the ids Go's {@code protoc-gen-msg} gives them
 * ({@link io.cellnet.protobuf.ProtobufMessages}). The codec is found by name,
 * {@code Codecs.get("gogopb")}, once this module is present.
 *
 * <p>Generated message classes are public and their packages need not be opened: the codec uses
 * their public {@code parser()} and {@code toByteArray()}.
 */
module io.cellnet.protobuf {
    requires transitive io.cellnet;
    requires com.google.protobuf; // automatic module; no protobuf type in this API
    requires org.slf4j;
    requires static transitive org.jspecify;

    exports io.cellnet.protobuf;

    provides io.cellnet.codec.CodecProvider with io.cellnet.protobuf.internal.ProtobufCodecs;
}
