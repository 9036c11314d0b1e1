/** A user's application on the module path: it needs only cellnet-netty (and Jackson for json). */
module demo.echo {
    requires io.cellnet.netty;

    // The codecs read and write the messages' fields by reflection; json through Jackson.
    opens demo.echo.msg to io.cellnet.netty, com.fasterxml.jackson.databind;
}
