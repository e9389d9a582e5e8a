package io.github.statestore.s3;

/** The store operations that reach S3, with the IAM action each needs. Thread-safe (an enum). */
enum S3Operation {
    INIT("init", "s3:ListBucket"),
    CREATE_BUCKET("createBucket", "s3:CreateBucket"),
    BOOTSTRAP("bootstrap", "s3:GetBucketVersioning, s3:PutBucketVersioning, s3:GetEncryptionConfiguration,"
            + " s3:PutEncryptionConfiguration, s3:GetBucketPublicAccessBlock and s3:PutBucketPublicAccessBlock"),
    LIST("list", "s3:ListBucket"),
    GET("get", "s3:GetObject"),
    SET("set", "s3:PutObject"),
    SET_IF("setIf", "s3:PutObject"),
    CREATE("create", "s3:PutObject"),
    DELETE("delete", "s3:DeleteObject"),
    DELETE_IF("deleteIf", "s3:DeleteObject"),
    CLEAR("clear", "s3:DeleteObject"),
    LOCK("lock", "s3:GetObject and s3:PutObject"),
    HISTORY("history", "s3:ListBucket, s3:GetObject, s3:PutObject and s3:DeleteObject"),
    EXPIRY("expiry", "s3:ListBucket, s3:GetObject, s3:PutObject and s3:DeleteObject");

    private final String storeName;
    private final String action;

    S3Operation(String storeName, String action) {
        this.storeName = storeName;
        this.action = action;
    }

    /** @return the store method's name, for messages */
    String storeName() {
        return storeName;
    }

    /** @return the IAM action this operation needs */
    String action() {
        return action;
    }
}
