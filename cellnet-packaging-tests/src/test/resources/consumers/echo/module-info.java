/** A user's application on the module path: it needs only cellnet-netty. */
module demo.echo {
    requires io.cellnet.netty;

    // The codecs read and write the messages' fields by reflection.
    opens demo.echo.msg to io.cellnet.netty;
}
