package workbook.basics.children;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import workbook.basics.ProcessIdentity;

/** A child that writes its own {@link ProcessIdentity#current()} to the file named by its argument. */
public final class ReportIdentity {
    public static void main(String[] args) throws IOException {
        ProcessIdentity me = ProcessIdentity.current();
        Files.write(Path.of(args[0]), List.of(
                Long.toString(me.pid()),
                Long.toString(me.parentPid()),
                me.command(),
                String.valueOf(me.startTime())));
    }
}
