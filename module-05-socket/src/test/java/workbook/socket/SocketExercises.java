package workbook.socket;

import java.util.List;
import workbook.testsupport.ExerciseCatalog;
import workbook.testsupport.ExerciseSpec;

/** The exercises of module 05, in the order to do them, with their points and hints. */
public final class SocketExercises implements ExerciseCatalog {

    @Override
    public String module() {
        return "module-05-socket";
    }

    @Override
    public List<ExerciseSpec> exercises() {
        return List.of(
                new ExerciseSpec("5.1", "The echo client", 2,
                        "EchoClient.request: write the line's UTF-8 bytes and a '\\n', flush, then collect reply bytes up to"
                                + " '\\n' and decode them all at once as UTF-8; (char) b splits characters such as 'é'."
                                + " End of stream before the '\\n' is an EOFException."),
                new ExerciseSpec("5.2", "One client at a time", 2,
                        "BlockingEchoServer.serve: loop { accept; converse with EchoProtocol on this thread; close }."
                                + " Put the try/catch around one conversation, not around the loop, so one broken client"
                                + " cannot end the server; return when accept fails because close() closed the listener."),
                new ExerciseSpec("5.3", "One process per client", 5,
                        "ProcessPerClientServer.handle: start HandlerMain with a ProcessBuilder (JavaCommand.forClass),"
                                + " then two Relay.start calls: client -> handler stdin (then close that stdin) and handler"
                                + " stdout -> client (then close the client). Return at once. stopHandlers: destroy, wait"
                                + " with a bound, destroyForcibly, wait again."),
                new ExerciseSpec("5.4", "A pool of worker processes", 4,
                        "ProcessPool.handle: takeIdleWorker() is the bound. Connect to the worker's port, relay both ways,"
                                + " and when the worker's side ends give the worker back to idle (or replace() it if it"
                                + " died). A worker whose port refuses connections is dead: replace it and try the new one."),
                new ExerciseSpec("5.5", "Shutting the pool down", 2,
                        "ProcessPool.stopHandlers: end every worker in workers(), busy ones too, not just those in the"
                                + " idle queue. destroy() returns at once and isAlive() stays true for a while: waitFor with a"
                                + " bound, then destroyForcibly and wait again."));
    }
}
