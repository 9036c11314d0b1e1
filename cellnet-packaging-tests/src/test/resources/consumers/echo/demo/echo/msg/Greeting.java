package demo.echo.msg;

/** A message sent with the json codec when Jackson is there. */
public record Greeting(String Msg) {
}
