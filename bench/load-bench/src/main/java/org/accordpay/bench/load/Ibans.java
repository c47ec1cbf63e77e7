package org.accordpay.bench.load;

import java.math.BigInteger;

/** Valid French IBANs (RIB key and ISO 13616 check digits) for the bench's shoppers and merchant. */
final class Ibans {

    private Ibans() {
    }

    /** @return FR IBAN of bank 30004, branch 00001, account number {@code n} */
    static String french(long n) {
        String bank = "30004";
        String branch = "00001";
        String account = String.format("%011d", n);
        long rib = 97 - ((89L * Long.parseLong(bank) + 15L * Long.parseLong(branch) + 3L * Long.parseLong(account)) % 97);
        String bban = bank + branch + account + String.format("%02d", rib);
        // F = 15, R = 27, then "00"
        BigInteger rearranged = new BigInteger(bban + "152700");
        int check = 98 - rearranged.mod(BigInteger.valueOf(97)).intValue();
        return "FR" + String.format("%02d", check) + bban;
    }
}
