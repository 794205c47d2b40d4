package mishmash.face;

/** A face the detector found: where (image pixels) and how sure it is (0..1). */
public record Detection(Box box, float score) {}
