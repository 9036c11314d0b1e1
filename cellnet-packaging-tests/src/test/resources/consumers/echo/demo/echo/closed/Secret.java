package demo.echo.closed;

/** A message class in a package that module-info does not open to the codecs. */
public record Secret(String text) {
}
