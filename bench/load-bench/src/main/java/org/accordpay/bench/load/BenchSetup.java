package org.accordpay.bench.load;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a run needs, made through the operator shell as an operator would: an admitted merchant with a
 * test key, its account at the ledger bank, and shoppers each with a funded ledger account, a simulated
 * handset (policy approve) and a completed enrolment.
 */
final class BenchSetup {

    static final String PIN = "730291";

    /** One enrolled shopper. */
    record Shopper(String phone, String iban) {
    }

    private final OperatorShell shell;

    BenchSetup(OperatorShell shell) {
        this.shell = shell;
    }

    /** @return the merchant id; its key (public part from {@code client}) is registered and set on the client */
    String merchant(MerchantClient client) throws Exception {
        String iban = Ibans.french(99_000_001L);
        String out = shell.run(List.of(
                "accord:bank-open " + iban + " \"Load Bench SAS\" EUR 0",
                "accord:merchant-apply \"Load Bench SAS\" \"Load Bench\" " + iban + " \"Load Bench SAS\""));
        String merchant = find(out, "merchant (m-\\S+) applied");
        out = shell.run(List.of(
                "accord:merchant-condition " + merchant + " bank-account-verified load bench",
                "accord:merchant-condition " + merchant + " terms-accepted load bench",
                "accord:merchant-admit " + merchant + " load bench",
                "accord:merchant-key-add " + merchant + " test " + client.publicKeyBase64()));
        client.keyId(find(out, "key (\\S+) \\(test\\)"));
        return merchant;
    }

    /** Opens, creates and enrols {@code count} shoppers, in two shell sessions. */
    List<Shopper> shoppers(int count) throws Exception {
        List<Shopper> shoppers = new ArrayList<>();
        List<String> first = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            Shopper s = new Shopper(String.format("+33610%06d", i + 1), Ibans.french(10_000_000L + i));
            shoppers.add(s);
            String holder = "\"Shopper " + (i + 1) + "\"";
            first.add("accord:bank-open " + s.iban() + " " + holder + " EUR 1000000000");
            first.add("accord:handset-create " + s.phone() + " " + PIN);
            // options before the arguments: Karaf's parser takes everything after the first argument as arguments
            first.add("accord:customer-enrol-start --name " + holder
                    + " --street \"1 rue de la Paix\" --postal-code 75002 --city Paris"
                    + " --password load-bench-password --accept-mandate " + s.phone() + " FR " + s.iban() + " " + holder);
        }
        String out = shell.run(first);
        Matcher m = Pattern.compile("enrolment\\s*:\\s*(\\S+)").matcher(out);
        List<String> second = new ArrayList<>();
        while (m.find()) {
            second.add("accord:handset-enrol " + m.group(1));
        }
        if (second.size() != count) {
            throw new IllegalStateException("started " + second.size() + " of " + count + " enrolments:\n" + tail(out));
        }
        out = shell.run(second);
        int enrolled = out.split("\nenrolled |^enrolled ", -1).length - 1;
        if (enrolled != count) {
            throw new IllegalStateException("enrolled " + enrolled + " of " + count + ":\n" + tail(out));
        }
        return shoppers;
    }

    private static String find(String out, String regex) {
        Matcher m = Pattern.compile(regex).matcher(out);
        if (!m.find()) {
            throw new IllegalStateException("not found /" + regex + "/ in:\n" + tail(out));
        }
        return m.group(1);
    }

    private static String tail(String out) {
        return out.length() < 3000 ? out : "..." + out.substring(out.length() - 3000);
    }
}
