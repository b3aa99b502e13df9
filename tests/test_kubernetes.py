"""deploy/kubernetes: every manifest valid against the Kubernetes schemas, offline
(kubernetes-validate ships them), as written and as kustomize renders each overlay; and
the numbers that must agree with each other do."""
from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import kubernetes_validate
import pytest
import yaml

DEPLOY = Path(__file__).resolve().parent.parent / "deploy" / "kubernetes"
# The oldest Kubernetes the manifests are meant for (autoscaling/v2 and policy/v1 are GA
# well before it), and the newest the package knows.
VERSIONS = ("1.29", kubernetes_validate.latest_version())
OVERLAYS = sorted(path.parent.name for path in (DEPLOY / "overlays").glob("*/kustomization.yaml"))


def _manifests(path: Path) -> list[dict]:
    return [document for document in yaml.safe_load_all(path.read_text()) if document]


def _rendered(directory: Path) -> list[dict]:
    if shutil.which("kubectl") is None:
        pytest.skip("kubectl (for `kubectl kustomize`) is not installed")
    output = subprocess.run(["kubectl", "kustomize", str(directory)], capture_output=True, text=True, check=True)
    return [document for document in yaml.safe_load_all(output.stdout) if document]


def _by_kind(resources: list[dict]) -> dict[str, dict]:
    return {resource["kind"]: resource for resource in resources}


BASE_FILES = sorted(path for path in (DEPLOY / "base").glob("*.yaml") if path.name != "kustomization.yaml")


@pytest.mark.parametrize("version", VERSIONS)
@pytest.mark.parametrize("path", BASE_FILES, ids=lambda path: path.name)
def test_base_manifests_are_valid(path, version):
    for resource in _manifests(path):
        kubernetes_validate.validate(resource, version, strict=True)


@pytest.mark.parametrize("version", VERSIONS)
@pytest.mark.parametrize("overlay", ["base"] + OVERLAYS)
def test_rendered_manifests_are_valid(overlay, version):
    directory = DEPLOY / "base" if overlay == "base" else DEPLOY / "overlays" / overlay
    resources = _rendered(directory)
    assert {"Deployment", "ConfigMap"} <= {resource["kind"] for resource in resources}
    for resource in resources:
        kubernetes_validate.validate(resource, version, strict=True)


def test_a_strict_schema_catches_a_misspelt_field():
    deployment = _by_kind(_manifests(DEPLOY / "base" / "deployment.yaml"))["Deployment"]
    deployment["spec"]["template"]["spec"]["containers"][0]["livenesProbe"] = {}
    with pytest.raises(kubernetes_validate.ValidationError):
        kubernetes_validate.validate(deployment, VERSIONS[-1], strict=True)


def test_the_pieces_fit_together():
    resources = _by_kind(_rendered(DEPLOY / "base"))
    deployment, config = resources["Deployment"], resources["ConfigMap"]
    pod = deployment["spec"]["template"]
    labels = pod["metadata"]["labels"]
    assert resources["Service"]["spec"]["selector"].items() <= labels.items()
    assert resources["PodDisruptionBudget"]["spec"]["selector"]["matchLabels"].items() <= labels.items()
    assert resources["HorizontalPodAutoscaler"]["spec"]["scaleTargetRef"]["name"] == deployment["metadata"]["name"]
    assert resources["PodDisruptionBudget"]["spec"]["minAvailable"] < resources["HorizontalPodAutoscaler"]["spec"]["minReplicas"]

    [container] = pod["spec"]["containers"]
    assert container["envFrom"][0]["configMapRef"]["name"] == config["metadata"]["name"]
    assert all(name.startswith("HABARI_") for name in config["data"])
    # The grace period covers the preStop delay and gunicorn's own drain of in-flight requests.
    pre_stop = int(container["lifecycle"]["preStop"]["exec"]["command"][-1])
    graceful = int(config["data"]["HABARI_GRACEFUL_TIMEOUT"])
    assert pod["spec"]["terminationGracePeriodSeconds"] > pre_stop + graceful
    # A request may run for the whole budget; liveness must not kill a pod that is busy.
    liveness = container["livenessProbe"]
    assert liveness["periodSeconds"] * liveness["failureThreshold"] > float(config["data"]["HABARI_REQUEST_BUDGET_SECONDS"])
    assert float(config["data"]["HABARI_REQUEST_BUDGET_SECONDS"]) < int(config["data"]["HABARI_TIMEOUT"])

    resources_ = container["resources"]
    assert resources_["requests"]["cpu"] == resources_["limits"]["cpu"]  # whole CPUs: gunicorn's worker count
    security = container["securityContext"]
    assert security["readOnlyRootFilesystem"] and not security["allowPrivilegeEscalation"]
    assert pod["spec"]["securityContext"]["runAsNonRoot"]
    assert {mount["mountPath"] for mount in container["volumeMounts"]} == {"/tmp"}  # metrics, heartbeats


def test_the_example_overlay_generates_the_secret_the_pods_read():
    resources = _rendered(DEPLOY / "overlays" / "example")
    [secret] = [resource for resource in resources if resource["kind"] == "Secret"]
    [deployment] = [resource for resource in resources if resource["kind"] == "Deployment"]
    references = [source["secretRef"]["name"] for source in deployment["spec"]["template"]["spec"]["containers"][0]["envFrom"]
                  if "secretRef" in source]
    assert references == [secret["metadata"]["name"]] and "HABARI_API_KEYS" in secret["data"]


def test_the_smoke_overlay_publishes_a_host_port():
    deployment = _by_kind(_rendered(DEPLOY / "overlays" / "podman-smoke"))["Deployment"]
    [container] = deployment["spec"]["template"]["spec"]["containers"]
    assert container["ports"][0]["hostPort"] and container["resources"]["limits"]["cpu"] == "1"
