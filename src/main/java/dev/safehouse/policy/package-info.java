/**
 * The policy model and its loader from {@code policies/}: dataset schemas, column classes and
 * bounds, access and disclosure rules; decisions as values ({@code Allow | Deny(violations)}).
 *
 * <p>Plain Java, usable inside the enclave. Empty until the queries issue; depends only on {@code
 * common}.
 */
package dev.safehouse.policy;
