package ir.tehran.womenfamily.demo;

import ir.tehran.womenfamily.localstack.LocalStack;
import ir.tehran.womenfamily.localstack.StackSeed;

/**
 * What the run command adds to a started stack (found on its classpath, see {@link StackSeed}): the demo
 * register, loaded into the registry through its API, signed in as the stack's demo admin.
 */
public final class DemoSeed implements StackSeed {

    @Override
    public String describe() {
        return String.format("%,d women, %,d children, %d businesses and %d centres are loaded through the "
            + "registry's API on a first start, then %d benefactors and their sponsorships through sponsorship's",
            DemoDataGenerator.WOMEN, DemoDataGenerator.CHILDREN, DemoDataGenerator.BUSINESSES,
            DemoDataGenerator.CENTRES, DemoSponsorships.BENEFACTORS);
    }

    @Override
    public void load(LocalStack stack) {
        new DemoDataLoader(stack.gatewayUrl(), stack.service("registry").baseUrl(), "admin",
            stack.demoCredentials().password(), message -> System.out.println("[demo-data] " + message))
            .loadIfEmpty();
    }
}
