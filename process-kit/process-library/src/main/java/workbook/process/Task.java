package workbook.process;

import java.io.Serializable;

/**
 * The code a {@link JvmProcess} runs in its child JVM, when it is given as a target rather than by
 * overriding {@link JvmProcess#run()}: the Java counterpart of {@code Process(target=f)}.
 *
 * <p>A task is {@link Serializable} because it travels to the child as bytes, just as Python
 * pickles the target under the <em>spawn</em> start method. A lambda written where a {@code Task}
 * is expected is serializable as long as everything it captures is; capturing a test instance or a
 * thread is the usual mistake, and {@link JvmProcess#start()} names it.
 */
@FunctionalInterface
public interface Task extends Runnable, Serializable {
}
