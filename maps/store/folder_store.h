// The folder library behind the Store interface: maps::Library's folders and files (one folder
// per client, one file per visit), with the figures computed from the files (cached by content)
// and changes watched with inotify.
#pragma once

#include <map>
#include <string>

#include "maps/client_library.h"
#include "maps/store/store.h"

namespace bodymap::store {

// "f<size>-<hash>" for a file stamp; "" for a missing file.
Version versionOfStamp(const maps::FileStamp& stamp);
// The stamp a version token stands for (exists=false for "" or a token that is not a folder's).
maps::FileStamp stampOfVersion(const Version& version);

class FolderStore final : public Store {
public:
    FolderStore(std::string root, const maps::TemplateRegistry& templates);

    StoreKind kind() const override { return StoreKind::Folder; }
    std::string location() const override { return m_library.root(); }
    std::string localFolder() const override { return m_library.root(); }
    const maps::Library& library() const { return m_library; }

    Result<ClientList> listClients() override;
    Result<VisitList> listVisits(const std::string& clientId) override;
    Result<ClientInfo> findClient(const std::string& clientId) override;
    Status createClient(const std::string& clientId, const std::string& displayName) override;
    Result<LoadedVisit> load(const std::string& key) override;
    SaveOutcome save(const maps::PainMap& map, const std::string& key, const Version* basedOn) override;
    bool ownsKey(const std::string& key) const override;

    Result<RawClient> readRawClient(const std::string& clientId) override;
    Result<RawVisit> readRaw(const std::string& key) override;
    Status importRawClient(const RawClient& client) override;
    Result<ImportStatus> importRaw(const RawVisit& visit) override;

    std::unique_ptr<Watch> watch(std::string& why) override;

private:
    struct CachedFigures {
        std::uint64_t size = 0, hash = 0;
        VisitFigures figures;
    };
    maps::Library m_library;
    const maps::TemplateRegistry& m_templates;
    std::map<std::string, CachedFigures> m_figures;  // by path
};

}  // namespace bodymap::store
