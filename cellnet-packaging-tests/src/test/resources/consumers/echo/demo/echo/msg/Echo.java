package demo.echo.msg;

/** Go's main.TestEchoACK. */
public record Echo(String Msg, int Value) {
}
