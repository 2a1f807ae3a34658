package workbook.isolation;

/**
 * What a child process saw of {@link StaticCounter}, as it reported it back to its parent.
 *
 * @param pid the child's own process id
 * @param before the counter in the child before it added anything
 * @param after the counter in the child after it added
 */
public record ChildView(long pid, int before, int after) {
}
