# Test handlers for the Python adapters (AdapterTests). Each behaves like a small Lambda function.
import base64
import json
import os
import time


def _record(context, key, event):
    with open(os.path.join(os.environ["EVENT_LOG"], "%s-%s.json" % (context.function_name, key)), "w") as f:
        json.dump(event, f)


def echo(event, context):
    return {
        "statusCode": 200,
        "headers": {"content-type": "application/json", "x-function": context.function_name},
        "multiValueHeaders": {"x-multi": ["a", "b"]},
        "body": json.dumps({"event": event, "remaining": context.get_remaining_time_in_millis(),
                            "memory": context.memory_limit_in_mb}),
    }


def named(event, context):
    return {"statusCode": 200, "body": context.function_name}


def callback(event, context):
    return {"statusCode": 201, "body": "created"}


def object(event, context):  # noqa: A001 (named like the Node.js fixture)
    return {"hello": "world"}


def text(event, context):
    return "hi"


def fail(event, context):
    raise RuntimeError("boom")


def slow(event, context):
    time.sleep(3)
    return {"statusCode": 200, "body": "late"}


def binary(event, context):
    return {
        "statusCode": 200,
        "headers": {"content-type": "application/octet-stream"},
        "body": base64.b64encode(bytes([0, 1, 2, 255])).decode("ascii"),
        "isBase64Encoded": True,
    }


def cookies(event, context):
    return {"statusCode": 200, "cookies": ["a=1", "b=2"], "body": "ok"}


def malformed(event, context):
    return {"body": "no status"}


def consume(event, context):
    record = event["Records"][0]
    _record(context, record["messageId"], event)
    if record["body"] == "fail":
        raise RuntimeError("cannot process")
    if record["body"] == "partial":
        return {"batchItemFailures": [{"itemIdentifier": record["messageId"]}]}
    if record["body"] == "slow":
        time.sleep(3)
    return {}


def nightly(event, context):
    _record(context, "schedule", event)
