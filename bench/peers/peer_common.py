"""Shared by the peer classifiers: reading a folder-per-category tree, the metrics Docsort reports
(macro-F1 over the classes present in the test set, as src/main/train/metrics.ts does), and the
one JSON line each peer prints."""
import json
import os
import resource


def read_tree(root):
    """Returns (texts, labels) for <root>/<label>/<file>, in sorted order. Files are decoded as
    UTF-8 with replacement so that the few non-UTF-8 bytes in 20NG do not abort a run."""
    texts, labels = [], []
    for label in sorted(os.listdir(root)):
        folder = os.path.join(root, label)
        if not os.path.isdir(folder):
            continue
        for name in sorted(os.listdir(folder)):
            with open(os.path.join(folder, name), 'rb') as handle:
                texts.append(handle.read().decode('utf-8', errors='replace'))
            labels.append(label)
    return texts, labels


def macro_f1(actual, predicted):
    present = sorted(set(actual))
    scores = []
    for label in present:
        tp = sum(1 for a, p in zip(actual, predicted) if a == label and p == label)
        predicted_count = sum(1 for p in predicted if p == label)
        support = sum(1 for a in actual if a == label)
        precision = tp / predicted_count if predicted_count else 0.0
        recall = tp / support if support else 0.0
        total = precision + recall
        scores.append(2 * precision * recall / total if total else 0.0)
    return sum(scores) / len(scores) if scores else 0.0


def report(actual, predicted, train_seconds, predict_seconds, **extra):
    """Prints the peer's single JSON line. ru_maxrss is in KiB on Linux."""
    correct = sum(1 for a, p in zip(actual, predicted) if a == p)
    result = {
        'accuracy': correct / len(actual) if actual else 0.0,
        'macroF1': macro_f1(actual, predicted),
        'trainSeconds': train_seconds,
        'docsPerSecond': len(actual) / predict_seconds if predict_seconds > 0 else 0.0,
        'peakRssMb': resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
        'documents': len(actual),
    }
    result.update(extra)
    print(json.dumps(result))
