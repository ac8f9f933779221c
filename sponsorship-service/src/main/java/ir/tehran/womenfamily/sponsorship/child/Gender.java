package ir.tehran.womenfamily.sponsorship.child;

public enum Gender {
    FEMALE,
    MALE
}
