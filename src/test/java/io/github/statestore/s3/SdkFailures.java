package io.github.statestore.s3;

import java.net.ConnectException;
import java.net.SocketException;
import software.amazon.awssdk.awscore.exception.AwsErrorDetails;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.services.s3.model.S3Exception;

/** The SDK exceptions a real S3 client throws, built by hand for unit tests. Stateless and thread-safe. */
final class SdkFailures {
    private SdkFailures() {
    }

    /** @return what the SDK throws when S3 answers {@code status} with error code {@code code} */
    static S3Exception s3(int status, String code) {
        return (S3Exception) S3Exception.builder().statusCode(status).message(code + " from the fake")
                .awsErrorDetails(AwsErrorDetails.builder().errorCode(code).errorMessage(code).build()).build();
    }

    /** @return what the SDK throws when nothing listens on the endpoint */
    static SdkClientException connectionRefused() {
        return SdkClientException.create("Unable to execute HTTP request: Connection refused",
                new ConnectException("Connection refused"));
    }

    /** @return what the SDK throws when the server drops the connection */
    static SdkClientException connectionReset() {
        return SdkClientException.create("Unable to execute HTTP request: Connection reset",
                new SocketException("Connection reset"));
    }
}
