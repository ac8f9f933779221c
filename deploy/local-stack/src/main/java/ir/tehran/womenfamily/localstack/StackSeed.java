package ir.tehran.womenfamily.localstack;

/**
 * Data the run command loads into a started stack through the services' public APIs, from a module on its
 * classpath ({@link java.util.ServiceLoader}): {@code deploy/demo-data} is the one. No service carries demo data
 * or demo code; the run command adds it, and {@code --no-demo-data} leaves it out.
 */
public interface StackSeed {

    /** What it loads, for the run command's banner. */
    String describe();

    /**
     * Loads it into {@code stack} (started, every service ready), if the stack does not hold it yet. Runs on a
     * thread of its own while the stack serves; it reports its progress on standard output.
     */
    void load(LocalStack stack);
}
